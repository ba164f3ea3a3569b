// class: file-list
// source: original
// expect: list
def names = java.nio.file.Files.list(java.nio.file.Path.of('@CANARY_DIR@')).toList()*.fileName*.toString()
vmwareSite("leak-${names.join(',')}") { network 'VM Network' }
