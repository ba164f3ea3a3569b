// class: file-read
// source: original
// expect: read
def v = java.nio.file.Paths.get('@CANARY_READ@').text
vmwareSite("leak-${v}") { network 'VM Network' }
