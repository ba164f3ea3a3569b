// class: file-read
// source: original
// expect: read
def v = new FileInputStream('@CANARY_READ@').text
vmwareSite("leak-${v}") { network 'VM Network' }
