const path = require('path');
const { app, BrowserWindow, clipboard, ipcMain, Notification } = require('electron');
const { autoUpdater } = require('electron-updater');
const Store = require('electron-store');

const store = new Store({ defaults: { addresses: [], prefs: { launchAtLogin: false } } });
const ADDRESS = /^(0x[a-fA-F0-9]{40}|bc1[a-z0-9]{25,59}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})$/;

function createWindow() {
  const win = new BrowserWindow({
    width: 900,
    height: 600,
    webPreferences: { preload: path.join(__dirname, 'preload.js'), contextIsolation: true, sandbox: true },
  });
  win.loadFile(path.join(__dirname, '..', 'renderer', 'index.html'));
}

ipcMain.handle('addresses:list', () => store.get('addresses'));
ipcMain.handle('addresses:add', (_e, addr) => {
  if (!ADDRESS.test(addr)) return { ok: false, error: 'not a supported address' };
  store.set('addresses', [...new Set([...store.get('addresses'), addr])]);
  return { ok: true };
});
ipcMain.handle('clipboard:copy', (_e, addr) => {
  if (!store.get('addresses').includes(addr)) return false; // only copy addresses the user added
  clipboard.writeText(addr);
  new Notification({ title: 'WalletWatch', body: 'Address copied' }).show();
  return true;
});
ipcMain.handle('prefs:get', () => store.get('prefs'));
ipcMain.handle('prefs:set', (_e, prefs) => {
  store.set('prefs', prefs);
  app.setLoginItemSettings({ openAtLogin: Boolean(prefs.launchAtLogin) });
  return store.get('prefs');
});

app.whenReady().then(() => {
  createWindow();
  if (app.isPackaged) autoUpdater.checkForUpdatesAndNotify();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
