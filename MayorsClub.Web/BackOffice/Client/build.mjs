// Bundles the back office's browser code into the site's wwwroot/umbraco/ folder (git-ignored build output).
import { build } from 'esbuild';
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../../wwwroot/umbraco');
await mkdir(out, { recursive: true });

// Source maps only for Debug builds (MSBuild passes BACKOFFICE_SOURCEMAPS=true); a Release build removes old ones.
const sourcemap = process.env.BACKOFFICE_SOURCEMAPS === 'true';
if (!sourcemap) {
  for (const file of await readdir(out)) {
    if (file.endsWith('.map')) await rm(path.join(out, file));
  }
}

await build({
  entryPoints: [path.join(here, 'src/backoffice.js')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  sourcemap,
  outfile: path.join(out, 'backoffice.js'),
  logLevel: 'warning',
});

// The content section's editor (TipTap rich text, block lists, pickers, tree, sorting): only its pages load it.
// Its CSS, imported by the script, comes out beside it as content.css.
await build({
  entryPoints: { content: path.join(here, 'src/editor/content.js') },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  sourcemap,
  outdir: out,
  logLevel: 'warning',
});

// The public site's htmx, in its own folder (wwwroot/site/, git-ignored) so the site never loads back-office code.
await build({
  entryPoints: { site: path.join(here, 'src/site/site.js') },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  sourcemap,
  outdir: path.resolve(here, '../../../wwwroot/site'),
  logLevel: 'warning',
});

// Umbraco UI's theme (colours, sizes), text styles and fonts.
const uui = path.join(here, 'node_modules/@umbraco-ui/uui/dist');
await cp(path.join(uui, 'themes'), path.join(out, 'uui/themes'), { recursive: true });
await cp(path.join(uui, 'styles'), path.join(out, 'uui/styles'), { recursive: true });
await cp(path.join(uui, 'assets'), path.join(out, 'uui/assets'), { recursive: true });
await cp(path.join(here, 'src/backoffice.css'), path.join(out, 'backoffice.css'));
