// Media section: the focal point is set by clicking on the picture. The click's place becomes two fractions
// (from the left, from the top, 0..1) in the form's number inputs, which also work on their own.

function clamp(value) {
  return Math.min(1, Math.max(0, value));
}

function setUp(box) {
  const image = box.querySelector('img');
  const marker = box.querySelector('[data-focal-marker]');
  const x = document.getElementById(box.dataset.xInput);
  const y = document.getElementById(box.dataset.yInput);
  const clear = x?.form?.querySelector('[data-focal-clear]');
  if (!image || !marker || !x || !y) return;
  box.classList.add('is-interactive');

  const show = () => {
    const fx = parseFloat(x.value);
    const fy = parseFloat(y.value);
    const set = x.value !== '' && y.value !== '' && fx >= 0 && fx <= 1 && fy >= 0 && fy <= 1;
    marker.hidden = !set;
    if (clear) clear.hidden = !set;
    if (set) {
      marker.style.left = `${fx * 100}%`;
      marker.style.top = `${fy * 100}%`;
    }
  };

  image.addEventListener('click', (event) => {
    const rect = image.getBoundingClientRect();
    x.value = clamp((event.clientX - rect.left) / rect.width).toFixed(3);
    y.value = clamp((event.clientY - rect.top) / rect.height).toFixed(3);
    x.dispatchEvent(new Event('input', { bubbles: true }));
  });
  x.addEventListener('input', show);
  y.addEventListener('input', show);
  clear?.addEventListener('click', () => {
    x.value = '';
    y.value = '';
    x.dispatchEvent(new Event('input', { bubbles: true }));
  });
  show();
}

export function setUpFocalPoints(root = document) {
  for (const box of root.querySelectorAll('[data-media-focal]')) {
    setUp(box);
  }
}
