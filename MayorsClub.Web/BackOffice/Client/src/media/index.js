// The media section's browser code: drag-and-drop uploads with progress, and the focal point picker.
import { setUpMediaUploads } from './upload.js';
import { setUpFocalPoints } from './focal-point.js';

function start() {
  setUpMediaUploads();
  setUpFocalPoints();
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start);
} else {
  start();
}
