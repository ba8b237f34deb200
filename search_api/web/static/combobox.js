// A WAI-ARIA 1.2 combobox (list autocomplete, no automatic selection) over a text input.
// Without JavaScript the input stays a plain field of a GET form; this only adds suggestions.

const DELAY_MS = 150; // wait for a pause in typing before asking the server
const MIN_CHARS = 2;

/** Label nodes of a highlight such as "<em>infirm</em>ier": text nodes and <mark>s, no HTML parsed. */
export function highlightNodes(highlight, fallback) {
  const text = highlight || fallback;
  const nodes = [];
  const pattern = /<em>(.*?)<\/em>/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    nodes.push(document.createTextNode(text.slice(last, match.index)));
    const mark = document.createElement("mark");
    mark.textContent = match[1];
    nodes.push(mark);
    last = match.index + match[0].length;
  }
  nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

export class Combobox {
  /**
   * @param {HTMLInputElement} input the text field
   * @param {HTMLElement} listbox its popup list (role=listbox)
   * @param {HTMLElement} status a polite live region announcing how many suggestions there are
   * @param {(q: string) => Promise<{nodes: Node[], kind: string, href: string}[]>} source
   */
  constructor(input, listbox, status, source) {
    this.input = input;
    this.listbox = listbox;
    this.status = status;
    this.source = source;
    this.options = [];
    this.active = -1;
    this.timer = 0;
    this.asked = 0;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);
    input.addEventListener("input", () => this.schedule());
    input.addEventListener("keydown", (event) => this.key(event));
    input.addEventListener("blur", () => setTimeout(() => this.close(), 150));
    listbox.addEventListener("mousedown", (event) => event.preventDefault()); // keep focus
    listbox.addEventListener("click", (event) => {
      const option = event.target.closest("[role=option]");
      if (option) this.go(Number(option.dataset.index));
    });
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), DELAY_MS);
  }

  async refresh() {
    const q = this.input.value.trim();
    if (q.length < MIN_CHARS) return this.close();
    const ticket = ++this.asked;
    let found;
    try {
      found = await this.source(q);
    } catch {
      return this.close(); // the form still works: Enter submits it
    }
    if (ticket !== this.asked) return; // a newer request is on its way
    this.show(found);
  }

  show(found) {
    this.options = found;
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    this.listbox.replaceChildren(
      ...found.map((item, i) => {
        const li = document.createElement("li");
        li.id = `${this.listbox.id}-${i}`;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.dataset.index = String(i);
        const kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = item.kind;
        li.append(...item.nodes, kind);
        return li;
      }),
    );
    const open = found.length > 0;
    this.listbox.hidden = !open;
    this.input.setAttribute("aria-expanded", String(open));
    this.status.textContent = open
      ? `${found.length} suggestion${found.length > 1 ? "s" : ""}, flèches haut et bas pour choisir.`
      : "Aucune suggestion.";
  }

  close() {
    clearTimeout(this.timer);
    this.asked++;
    this.listbox.hidden = true;
    this.active = -1;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }

  move(step) {
    if (this.listbox.hidden || !this.options.length) return;
    const count = this.options.length;
    this.active = this.active < 0 && step < 0 ? count - 1 : (this.active + step + count) % count;
    for (const li of this.listbox.children) {
      const on = Number(li.dataset.index) === this.active;
      li.setAttribute("aria-selected", String(on));
      if (on) li.scrollIntoView({ block: "nearest" });
    }
    this.input.setAttribute("aria-activedescendant", `${this.listbox.id}-${this.active}`);
  }

  go(index) {
    const item = this.options[index];
    if (item) window.location.assign(item.href);
  }

  key(event) {
    switch (event.key) {
      case "ArrowDown":
        if (this.listbox.hidden) this.refresh();
        else this.move(1);
        break;
      case "ArrowUp":
        this.move(-1);
        break;
      case "Enter":
        if (this.listbox.hidden || this.active < 0) return; // the form submits
        this.go(this.active);
        break;
      case "Escape":
        if (this.listbox.hidden) this.input.value = "";
        this.close();
        break;
      default:
        return;
    }
    event.preventDefault();
  }
}
