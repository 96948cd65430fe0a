const { contextBridge, ipcRenderer } = require('electron');

contextBridge.exposeInMainWorld('walletwatch', {
  list: () => ipcRenderer.invoke('addresses:list'),
  add: (a) => ipcRenderer.invoke('addresses:add', a),
  copy: (a) => ipcRenderer.invoke('clipboard:copy', a),
  prefs: () => ipcRenderer.invoke('prefs:get'),
  setPrefs: (p) => ipcRenderer.invoke('prefs:set', p),
});
