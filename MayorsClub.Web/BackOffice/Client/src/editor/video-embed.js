// Embedded videos in rich text: YouTube and Vimeo players only, the same hosts the server's sanitizer lets through.
import { Node, mergeAttributes } from '@tiptap/core';

const allowed = [
  /^https:\/\/www\.youtube\.com\/embed\/[\w-]+/,
  /^https:\/\/www\.youtube-nocookie\.com\/embed\/[\w-]+/,
  /^https:\/\/player\.vimeo\.com\/video\/\d+/,
];

export function isAllowedEmbed(src) {
  return allowed.some((pattern) => pattern.test(src || ''));
}

/** The player address for a video page or share link (YouTube, youtu.be, Vimeo), or null. */
export function toEmbedUrl(input) {
  let url;
  try {
    url = new URL(String(input).trim());
  } catch {
    return null;
  }
  const host = url.hostname.replace(/^(www|m)\./, '');
  const youtube = (id) => (/^[\w-]{6,}$/.test(id || '') ? `https://www.youtube-nocookie.com/embed/${id}` : null);
  if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    if (url.pathname === '/watch') {
      return youtube(url.searchParams.get('v'));
    }
    return youtube(url.pathname.match(/^\/(?:embed|shorts|live)\/([\w-]+)/)?.[1]);
  }
  if (host === 'youtu.be') {
    return youtube(url.pathname.slice(1).split('/')[0]);
  }
  if (host === 'vimeo.com') {
    const id = url.pathname.match(/^\/(\d+)/)?.[1];
    return id ? `https://player.vimeo.com/video/${id}` : null;
  }
  if (host === 'player.vimeo.com') {
    const id = url.pathname.match(/^\/video\/(\d+)/)?.[1];
    return id ? `https://player.vimeo.com/video/${id}` : null;
  }
  return null;
}

export const VideoEmbed = Node.create({
  name: 'videoEmbed',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      src: { default: null },
      title: { default: null },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'iframe[src]',
        getAttrs: (element) => (isAllowedEmbed(element.getAttribute('src'))
          ? { src: element.getAttribute('src'), title: element.getAttribute('title') }
          : false),
      },
    ];
  },

  renderHTML({ HTMLAttributes }) {
    return ['iframe', mergeAttributes({ width: '560', height: '315', frameborder: '0', allowfullscreen: 'true' }, HTMLAttributes)];
  },

  addCommands() {
    return {
      setVideoEmbed: (src) => ({ commands }) => commands.insertContent({ type: this.name, attrs: { src } }),
    };
  },
});
