// class: file-list
// source: original
// expect: list
def names = []
new File('@CANARY_DIR@').eachFile { names << it.name }
vmwareSite("leak-${names.join(',')}") { network 'VM Network' }
