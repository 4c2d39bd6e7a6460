// The pages' small scripts: every page works without them (forms post and redirect); they add drag and drop,
// file reading, "check host" in place, and the streamed chat. Text is always put in with textContent, never as HTML.

const csrf = () => document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm))
    event.preventDefault();
});

function readInto(file, target) {
  file.text().then((text) => {
    target.value = text;
    target.dispatchEvent(new Event('input'));
  });
}

for (const input of document.querySelectorAll('input[type=file][data-fills]')) {
  input.addEventListener('change', () => {
    const target = document.getElementById(input.dataset.fills);
    if (input.files?.[0] && target) readInto(input.files[0], target);
  });
}
for (const area of document.querySelectorAll('[data-drop-target]')) {
  area.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  area.addEventListener('drop', (event) => {
    const file = event.dataTransfer?.files?.[0];
    if (!file) return;
    event.preventDefault();
    readInto(file, area);
  });
}

// Provider order: drag a row, drop it on another; the form then posts the new order (old indexes, comma-separated).
for (const list of document.querySelectorAll('[data-sortable]')) {
  let dragged = null;
  list.addEventListener('dragstart', (event) => {
    dragged = event.target.closest('li');
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', dragged?.dataset.index ?? '');
  });
  list.addEventListener('dragover', (event) => {
    if (dragged) event.preventDefault();
  });
  list.addEventListener('drop', (event) => {
    const onto = event.target.closest('li');
    if (!dragged || !onto || onto === dragged) return;
    event.preventDefault();
    const after = [...list.children].indexOf(onto) > [...list.children].indexOf(dragged);
    onto[after ? 'after' : 'before'](dragged);
    const form = list.closest('form');
    form.querySelector('input[name=order]').value = [...list.children].map((li) => li.dataset.index).join(',');
    dragged = null;
    form.submit();
  });
}

// "Check host": the gateway probes the host in the form; the answer is shown beside the button.
for (const button of document.querySelectorAll('[data-check-host]')) {
  button.addEventListener('click', async () => {
    const form = button.closest('form');
    const out = form.querySelector('[data-check-result]');
    const data = new URLSearchParams(new FormData(form));
    const config = /^\/configs\/(\d+)/.exec(location.pathname)?.[1];
    if (config) data.set('config', config);
    out.textContent = '…';
    const res = await fetch('/gateway/check-host', { method: 'POST', body: data, headers: { 'x-csrf-token': csrf() } });
    const answer = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
    out.className = answer.reachable ? 'ok' : 'bad';
    out.textContent = answer.error
      ? answer.error
      : `${answer.reachable ? '✔' : '✘'} ${answer.reason} (${answer.latency_ms} ms)`;
  });
}

// Anonymization off: the privacy warning is shown.
for (const group of document.querySelectorAll('.algorithms')) {
  const warning = document.getElementById('privacy-warning');
  const update = () => {
    if (warning) warning.hidden = group.querySelector('input:checked')?.value !== 'none';
  };
  group.addEventListener('change', update);
  update();
}

const chat = document.querySelector('[data-chat]');
if (chat) startChat(chat);

function startChat(root) {
  const KEY = 'llmr-chat';
  const log = document.getElementById('chat-log');
  const input = document.getElementById('chat-input');
  const system = document.getElementById('chat-system');
  const words = root.dataset;
  let state = load();

  function load() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
      if (saved && Array.isArray(saved.messages)) return saved;
    } catch {}
    return { system: '', messages: [] };
  }
  const save = () => sessionStorage.setItem(KEY, JSON.stringify(state));

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function sawView(message) {
    if (message.masked === undefined) return null;
    const details = el('details', 'saw');
    details.append(el('summary', '', words.tSaw));
    const pre = el('pre', 'masked');
    // Placeholders marked as on the anonymizer page; each piece goes in as text.
    message.masked.split(/(\{\{[A-Z][A-Z0-9_]*_\d+\}\})/).forEach((part, i) => {
      pre.append(i % 2 === 1 ? el('mark', 'ph', part) : document.createTextNode(part));
    });
    details.append(pre);
    const used = Object.entries(message.mappings ?? {}).filter(([ph]) => message.masked.includes(ph));
    if (used.length) {
      const table = el('table', 'list mapping');
      const head = table.createTHead().insertRow();
      head.append(el('th', '', words.tPlaceholder), el('th', '', words.tOriginal));
      const body = table.createTBody();
      for (const [ph, original] of used) {
        const row = body.insertRow();
        row.insertCell().append(el('mark', 'ph', ph));
        row.insertCell().textContent = original;
      }
      details.append(table);
    }
    return details;
  }

  function row(message) {
    const li = el('li', `msg ${message.role}`);
    li.append(el('strong', '', message.role === 'user' ? words.tYou : words.tModel));
    li.append(el('div', 'content', message.content));
    const saw = sawView(message);
    if (saw) li.append(saw);
    return li;
  }

  const model = document.getElementById('chat-model');
  function render() {
    log.replaceChildren(...state.messages.map(row));
    system.value = state.system ?? '';
    if (state.model && [...model.options].some((o) => o.value === state.model)) model.value = state.model;
  }

  const algorithm = () => root.querySelector('input[name=algorithm]:checked')?.value ?? 'fast';

  async function send(text) {
    state.system = system.value;
    state.model = model.value;
    const user = { role: 'user', content: text };
    state.messages.push(user);
    const answer = { role: 'assistant', content: '' };
    const sent = [...(state.system ? [{ role: 'system', content: state.system }] : []), ...state.messages];
    render();
    const pending = row(answer);
    pending.classList.add('streaming');
    log.append(pending);
    const content = pending.querySelector('.content');
    const res = await fetch('/anonymize/chat/message', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf() },
      body: JSON.stringify({
        model: model.value,
        algorithm: algorithm(),
        messages: sent.map(({ role, content }) => ({ role, content })),
      }),
    });
    if (res.status !== 200 || !res.body) {
      const error = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
      state.messages.pop();
      pending.classList.replace('streaming', 'failed');
      content.textContent = error.error;
      save();
      return;
    }
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let rest = '';
    let mappings = {};
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      rest += value;
      for (let nl = rest.indexOf('\n'); nl >= 0; nl = rest.indexOf('\n')) {
        const event = JSON.parse(rest.slice(0, nl));
        rest = rest.slice(nl + 1);
        if (event.masked) {
          mappings = event.mappings;
          if (event.algorithm !== 'none') {
            const offset = sent.length - state.messages.length;
            state.messages.forEach((m, i) => {
              m.masked = event.masked[i + offset];
              m.mappings = mappings;
            });
          }
          log.replaceChildren(...state.messages.map(row), pending);
        } else if (event.delta) {
          answer.content += event.delta;
          content.textContent = answer.content;
        } else if (event.done) {
          if (algorithm() !== 'none') {
            answer.masked = event.model_said;
            answer.mappings = mappings;
          }
        } else if (event.error) {
          pending.classList.add('failed');
          pending.append(el('p', 'error', event.error));
        }
      }
    }
    state.messages.push(answer);
    save();
    render();
  }

  document.getElementById('chat-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    send(text);
  });
  document.getElementById('chat-new').addEventListener('click', () => {
    state = { system: '', messages: [] };
    save();
    render();
  });
  document.getElementById('chat-export').addEventListener('click', () => {
    const file = new Blob([JSON.stringify({ format: 'llm-router-chat', version: 1, ...state }, null, 2)], {
      type: 'application/json',
    });
    const link = el('a');
    link.href = URL.createObjectURL(file);
    link.download = 'conversation.json';
    link.click();
    URL.revokeObjectURL(link.href);
  });
  document.getElementById('chat-import').addEventListener('change', async (event) => {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      const saved = JSON.parse(await file.text());
      const ok =
        Array.isArray(saved.messages) &&
        saved.messages.every((m) => ['user', 'assistant'].includes(m.role) && typeof m.content === 'string');
      if (!ok) throw new Error('not a conversation');
      state = {
        system: typeof saved.system === 'string' ? saved.system : '',
        messages: saved.messages.map(({ role, content }) => ({ role, content })),
      };
      save();
      render();
    } catch (err) {
      window.alert(String(err.message ?? err));
    }
  });
  render();
}
