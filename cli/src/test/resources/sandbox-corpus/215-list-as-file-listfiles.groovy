// class: file-list
// source: original
// expect: list
def d = '@CANARY_DIR@' as File
vmwareSite("leak-${d.listFiles()*.name.join(',')}") { network 'VM Network' }
