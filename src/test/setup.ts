import '@testing-library/jest-dom/vitest';

/**
 * jsdom has <dialog> and its `open` attribute but none of its methods (jsdom/jsdom#3294), so the
 * components call the browser's API and the tests get enough of it here: showModal and show open
 * the dialog, close shuts it and fires `close` a task later as browsers do, and Esc on the top
 * modal fires the cancelable `cancel` and closes it unless that is prevented.
 */
function polyfillDialog() {
  const proto = HTMLDialogElement.prototype;
  if (typeof proto.showModal === 'function') return;
  const modals: HTMLDialogElement[] = [];
  proto.show = function () {
    this.open = true;
  };
  proto.showModal = function () {
    if (this.open) return;
    this.open = true;
    modals.push(this);
  };
  proto.close = function () {
    if (!this.open) return;
    this.open = false;
    const i = modals.indexOf(this);
    if (i >= 0) modals.splice(i, 1);
    setTimeout(() => this.dispatchEvent(new Event('close')));
  };
  document.addEventListener('keydown', (e) => {
    const top = modals.filter((d) => d.isConnected && d.open).at(-1);
    if (e.key !== 'Escape' || !top) return;
    if (top.dispatchEvent(new Event('cancel', { cancelable: true }))) top.close();
  });
}

if (typeof HTMLDialogElement !== 'undefined') polyfillDialog();
