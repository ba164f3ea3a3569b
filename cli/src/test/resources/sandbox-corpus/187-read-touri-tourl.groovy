// class: file-read
// source: original
// expect: read
def v = new URI('file://@CANARY_READ@').toURL().openStream().text
vmwareSite("leak-${v}") { network 'VM Network' }
