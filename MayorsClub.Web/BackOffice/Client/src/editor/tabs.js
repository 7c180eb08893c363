// The editor's groups as tabs (without the script they are sections one below the other).
export function initTabs(form) {
  const tablist = form.querySelector('[data-tabs]');
  if (!tablist) {
    return;
  }
  tablist.hidden = false;
  const tabs = [...tablist.querySelectorAll('[role=tab]')];
  const panels = tabs.map((tab) => document.getElementById(tab.getAttribute('aria-controls')));
  for (const panel of panels) {
    panel.setAttribute('role', 'tabpanel');
    panel.querySelector('.ce-group-title')?.classList.add('ce-visually-hidden');
  }

  const select = (index, focus) => {
    tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', i === index ? 'true' : 'false');
      tab.tabIndex = i === index ? 0 : -1;
      panels[i].hidden = i !== index;
    });
    if (focus) {
      tabs[index].focus();
    }
  };

  tabs.forEach((tab, index) => tab.addEventListener('click', () => select(index)));
  tablist.addEventListener('keydown', (event) => {
    const index = tabs.indexOf(document.activeElement);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (index < 0 || next === undefined) {
      return;
    }
    event.preventDefault();
    select((next + tabs.length) % tabs.length, true);
  });

  // Open on the tab with the first message; a link in the message summary opens its field's tab.
  const firstError = form.querySelector('.ce-group .ce-field--error');
  select(firstError ? panels.indexOf(firstError.closest('.ce-group')) : 0);
  document.addEventListener('click', (event) => {
    const link = event.target.closest('.ce-error-summary a[href^="#"]');
    const panel = link && document.getElementById(link.getAttribute('href').slice(1))?.closest('.ce-group');
    if (panel) {
      select(panels.indexOf(panel));
    }
  });
}
