// Copies the recovery codes on the page to the clipboard. The account pages are static (no circuit), so the
// button is a custom element; if the clipboard is refused (insecure origin, permission) the codes are selected
// instead so that Ctrl+C / the long-press menu still works.
class RecoveryCodesCopy extends HTMLElement {
    connectedCallback() {
        this.addEventListener('click', event => this.copy(event.target.closest('button')));
    }

    async copy(button) {
        if (!button) {
            return;
        }
        const codes = [...document.querySelectorAll('#recovery-codes .recovery-code')].map(c => c.textContent.trim());
        try {
            await navigator.clipboard.writeText(codes.join('\n'));
            const label = button.querySelector('.mud-button-label') ?? button;
            label.lastChild.textContent = this.dataset.copied;
        } catch {
            const selection = window.getSelection();
            const range = document.createRange();
            range.selectNodeContents(document.getElementById('recovery-codes'));
            selection.removeAllRanges();
            selection.addRange(range);
        }
    }
}

if (!customElements.get('recovery-codes-copy')) {
    customElements.define('recovery-codes-copy', RecoveryCodesCopy);
}
