const api = window.walletwatch;

async function refresh() {
  const list = document.getElementById('list');
  list.innerHTML = '';
  for (const addr of await api.list()) {
    const li = document.createElement('li');
    li.textContent = addr + ' ';
    const btn = document.createElement('button');
    btn.textContent = 'Copy';
    btn.onclick = () => api.copy(addr);
    li.appendChild(btn);
    list.appendChild(li);
  }
}

document.getElementById('add').onsubmit = async (e) => {
  e.preventDefault();
  const res = await api.add(new FormData(e.target).get('addr').trim());
  if (!res.ok) alert(res.error);
  refresh();
};

api.prefs().then((p) => {
  const box = document.getElementById('login');
  box.checked = p.launchAtLogin;
  box.onchange = () => api.setPrefs({ ...p, launchAtLogin: box.checked });
});

refresh();
