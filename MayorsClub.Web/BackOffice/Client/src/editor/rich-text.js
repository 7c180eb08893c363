// The rich-text editor: TipTap in place of a textarea, which keeps the HTML the form sends (the server sanitizes it).
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { TableKit } from '@tiptap/extension-table';
import { VideoEmbed, toEmbedUrl } from './video-embed.js';
import { label, changed } from './labels.js';
import { openMediaDialog } from './media-picker.js';
import { toolbarIcon } from './icons.js';

const editors = new WeakMap();

/** The TipTap editor of a rich-text textarea, once mounted. */
export function editorOf(textarea) {
  return editors.get(textarea);
}

export function mountRichText(textarea) {
  if (editors.has(textarea)) {
    return;
  }

  const wrapper = document.createElement('div');
  wrapper.className = 'rte';
  const toolbar = document.createElement('div');
  toolbar.className = 'rte-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', label('rt.toolbar'));
  const surface = document.createElement('div');
  surface.className = 'rte-surface';
  wrapper.append(toolbar, surface);
  textarea.after(wrapper);
  textarea.hidden = true;
  textarea.dataset.mounted = 'true';

  const attributes = { class: 'rte-content', role: 'textbox', 'aria-multiline': 'true' };
  for (const name of ['aria-describedby', 'aria-invalid']) {
    if (textarea.hasAttribute(name)) {
      attributes[name] = textarea.getAttribute(name);
    }
  }
  const labelId = textarea.dataset.labelId;
  if (labelId && document.getElementById(labelId)) {
    attributes['aria-labelledby'] = labelId;
  }

  const editor = new Editor({
    element: surface,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false,
        codeBlock: false,
        // Links as the editor writes them: no target or rel added to every one (nofollow would hurt the site's own links).
        link: { openOnClick: false, autolink: true, defaultProtocol: 'https', HTMLAttributes: { target: null, rel: null } },
      }),
      Image.configure({ inline: false }),
      TableKit.configure({ table: { resizable: false } }),
      VideoEmbed,
    ],
    content: textarea.value,
    editorProps: { attributes },
    onUpdate: ({ editor: current }) => {
      textarea.value = current.isEmpty ? '' : current.getHTML();
      changed(textarea);
    },
  });
  editors.set(textarea, editor);
  buildToolbar(toolbar, editor, textarea);

  // Copying a language's text into this one ("copy to the other language").
  textarea.addEventListener('ce:set-html', (event) => {
    editor.commands.setContent(event.detail || '', { emitUpdate: true });
  });

  // The field's label focuses the editor, as it would the textarea.
  document.getElementById(labelId)?.addEventListener('click', (event) => {
    event.preventDefault();
    editor.commands.focus();
  });
}

function buildToolbar(toolbar, editor, textarea) {
  const run = (command) => () => command(editor.chain().focus()).run();
  const groups = [
    [
      { key: 'rt.paragraph', action: run((c) => c.setParagraph()), active: () => editor.isActive('paragraph') },
      { key: 'rt.h2', spoken: 'H2', action: run((c) => c.toggleHeading({ level: 2 })), active: () => editor.isActive('heading', { level: 2 }) },
      { key: 'rt.h3', spoken: 'H3', action: run((c) => c.toggleHeading({ level: 3 })), active: () => editor.isActive('heading', { level: 3 }) },
    ],
    [
      { key: 'rt.bold', spoken: 'B', action: run((c) => c.toggleBold()), active: () => editor.isActive('bold') },
      { key: 'rt.italic', spoken: 'I', action: run((c) => c.toggleItalic()), active: () => editor.isActive('italic') },
    ],
    [
      { key: 'rt.bulletList', action: run((c) => c.toggleBulletList()), active: () => editor.isActive('bulletList') },
      { key: 'rt.orderedList', action: run((c) => c.toggleOrderedList()), active: () => editor.isActive('orderedList') },
      { key: 'rt.quote', action: run((c) => c.toggleBlockquote()), active: () => editor.isActive('blockquote') },
    ],
    [
      { key: 'rt.link', action: () => editLink(editor), active: () => editor.isActive('link') },
      { key: 'rt.unlink', action: run((c) => c.extendMarkRange('link').unsetLink()), enabled: () => editor.isActive('link') },
      { key: 'rt.image', action: (event) => insertImage(editor, textarea, event.currentTarget) },
      { key: 'rt.video', action: () => insertVideo(editor) },
    ],
    [
      { key: 'rt.table', action: run((c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true })), enabled: () => editor.can().insertTable({ rows: 3, cols: 3 }) },
      { key: 'rt.addRow', action: run((c) => c.addRowAfter()), enabled: () => editor.can().addRowAfter() },
      { key: 'rt.addColumn', action: run((c) => c.addColumnAfter()), enabled: () => editor.can().addColumnAfter() },
      { key: 'rt.deleteRow', action: run((c) => c.deleteRow()), enabled: () => editor.can().deleteRow() },
      { key: 'rt.deleteColumn', action: run((c) => c.deleteColumn()), enabled: () => editor.can().deleteColumn() },
      { key: 'rt.deleteTable', action: run((c) => c.deleteTable()), enabled: () => editor.can().deleteTable() },
    ],
    [
      { key: 'rt.undo', action: run((c) => c.undo()), enabled: () => editor.can().undo() },
      { key: 'rt.redo', action: run((c) => c.redo()), enabled: () => editor.can().redo() },
    ],
  ];

  const buttons = [];
  for (const group of groups) {
    const holder = document.createElement('span');
    holder.className = 'rte-group';
    for (const item of group) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'rte-button';
      button.append(toolbarIcon(item.key));
      // An icon that shows letters ("H2", "B") starts the accessible name with them, so voice control users can say them.
      const name = item.spoken ? `${item.spoken} ${label(item.key)}` : label(item.key);
      button.title = name;
      button.setAttribute('aria-label', name);
      button.dataset.command = item.key.replace('rt.', '');
      button.tabIndex = buttons.length === 0 ? 0 : -1;
      // Keep the editor's selection: act on mousedown's click without moving focus first.
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', item.action);
      holder.append(button);
      buttons.push({ button, item });
    }
    toolbar.append(holder);
  }

  // One tab stop for the toolbar; arrow keys move between its buttons.
  toolbar.addEventListener('keydown', (event) => {
    const list = buttons.map((b) => b.button);
    const index = list.indexOf(document.activeElement);
    if (index < 0) {
      return;
    }
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: list.length - 1 }[event.key];
    if (next === undefined) {
      return;
    }
    event.preventDefault();
    const target = list[(next + list.length) % list.length];
    list.forEach((b) => { b.tabIndex = b === target ? 0 : -1; });
    target.focus();
  });

  const refresh = () => {
    for (const { button, item } of buttons) {
      if (item.active) {
        button.setAttribute('aria-pressed', item.active() ? 'true' : 'false');
      }
      if (item.enabled) {
        button.disabled = !item.enabled();
      }
    }
  };
  editor.on('transaction', refresh);
  editor.on('selectionUpdate', refresh);
  refresh();
}

function editLink(editor) {
  const previous = editor.getAttributes('link').href;
  const answer = window.prompt(label('rt.linkPrompt'), previous || 'https://');
  if (answer === null) {
    return;
  }
  const href = answer.trim();
  if (href === '' || href === 'https://') {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    return;
  }
  if (editor.state.selection.empty && !editor.isActive('link')) {
    editor.chain().focus().insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    return;
  }
  editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
}

/** An image of the media library, with its alternative text in the field's language and its size. */
function insertImage(editor, textarea, opener) {
  const culture = textarea.dataset.culture;
  const opened = textarea.dataset.mediaBrowse && openMediaDialog({
    url: textarea.dataset.mediaBrowse,
    kind: 'Images',
    multiple: false,
    opener,
    onChoose: ([image]) => {
      if (!image?.url) {
        return;
      }
      const alt = culture === 'en' ? image.alt.en || image.alt.uk : image.alt.uk || image.alt.en;
      editor.chain().focus().setImage({ src: image.url, alt, width: image.width, height: image.height }).run();
    },
  });
  if (!opened) {
    insertImageByAddress(editor);
  }
}

/** Without the library dialog (a page that has none): an image by its address. */
function insertImageByAddress(editor) {
  const src = window.prompt(label('rt.imagePrompt'), 'https://');
  if (!src || src.trim() === '' || src.trim() === 'https://') {
    return;
  }
  const alt = window.prompt(label('rt.imageAltPrompt'), '') ?? '';
  editor.chain().focus().setImage({ src: src.trim(), alt: alt.trim() }).run();
}

function insertVideo(editor) {
  const answer = window.prompt(label('rt.videoPrompt'), 'https://');
  if (!answer || answer.trim() === '' || answer.trim() === 'https://') {
    return;
  }
  const src = toEmbedUrl(answer);
  if (!src) {
    window.alert(label('rt.videoInvalid'));
    return;
  }
  editor.chain().focus().setVideoEmbed(src).run();
}
