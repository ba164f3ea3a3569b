// class: file-list
// source: original
// expect: list
def names = new File('@CANARY_DIR@').list()
vmwareSite("leak-${names.join(',')}") { network 'VM Network' }
