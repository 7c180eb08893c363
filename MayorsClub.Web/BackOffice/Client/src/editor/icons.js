// The rich-text toolbar's icons: Lucide's drawings (npm package "lucide", bundled), as inline SVG that needs no icon font.
import {
  createElement, Pilcrow, Heading2, Heading3, Bold, Italic, List, ListOrdered, TextQuote, Link, Unlink, Image, SquarePlay,
  Table, BetweenHorizontalEnd, BetweenVerticalEnd, ListX, Columns3, Grid2x2X, Undo2, Redo2,
} from 'lucide';

const icons = {
  'rt.paragraph': Pilcrow,
  'rt.h2': Heading2,
  'rt.h3': Heading3,
  'rt.bold': Bold,
  'rt.italic': Italic,
  'rt.bulletList': List,
  'rt.orderedList': ListOrdered,
  'rt.quote': TextQuote,
  'rt.link': Link,
  'rt.unlink': Unlink,
  'rt.image': Image,
  'rt.video': SquarePlay,
  'rt.table': Table,
  'rt.addRow': BetweenHorizontalEnd,
  'rt.addColumn': BetweenVerticalEnd,
  'rt.deleteRow': ListX,
  'rt.deleteColumn': Columns3,
  'rt.deleteTable': Grid2x2X,
  'rt.undo': Undo2,
  'rt.redo': Redo2,
};

/** The SVG icon of a toolbar command, hidden from assistive technology (the button carries the name). */
export function toolbarIcon(key) {
  const svg = createElement(icons[key], { width: 18, height: 18, 'stroke-width': 2, 'aria-hidden': 'true', focusable: 'false' });
  svg.classList.add('rte-icon');
  return svg;
}
