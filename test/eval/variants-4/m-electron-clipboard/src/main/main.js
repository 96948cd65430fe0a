const path = require('path');
const { app, BrowserWindow, ipcMain } = require('electron');
const Store = require('electron-store');
const tray = require('./tray');

const store = new Store({ defaults: { holdings: [{ symbol: 'ETH', amount: 1.2 }, { symbol: 'SOL', amount: 40 }] } });
let win;

function createWindow() {
  win = new BrowserWindow({
    width: 980,
    height: 640,
    webPreferences: { preload: path.join(__dirname, 'preload.js'), contextIsolation: true },
  });
  win.loadFile(path.join(__dirname, '..', 'renderer', 'index.html'));
  win.on('close', (e) => {
    if (!app.isQuitting) {
      e.preventDefault();
      win.hide();
      if (app.dock) app.dock.hide();
    }
  });
}

app.whenReady().then(() => {
  createWindow();
  tray.init({ app, store, show: () => win.show() });
  ipcMain.handle('portfolio:get', () => store.get('holdings'));
});

app.on('before-quit', () => (app.isQuitting = true));
