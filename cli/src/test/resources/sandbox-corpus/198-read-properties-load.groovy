// class: file-read
// source: original
// expect: read
def p = new Properties()
new File('@CANARY_READ@').withReader { p.load(it) }
vmwareSite("leak-${p}") { network 'VM Network' }
