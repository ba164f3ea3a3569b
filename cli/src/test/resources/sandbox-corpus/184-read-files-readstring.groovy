// class: file-read
// source: original
// expect: read
def v = java.nio.file.Files.readString(java.nio.file.Path.of('@CANARY_READ@'))
vmwareSite("leak-${v}") { network 'VM Network' }
