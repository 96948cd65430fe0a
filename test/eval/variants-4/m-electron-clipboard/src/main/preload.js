const { contextBridge, ipcRenderer } = require('electron');

contextBridge.exposeInMainWorld('ledger', {
  holdings: () => ipcRenderer.invoke('portfolio:get'),
});
