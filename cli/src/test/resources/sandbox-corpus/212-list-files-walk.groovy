// class: file-list
// source: original
// expect: list
def names = java.nio.file.Files.walk(java.nio.file.Paths.get('@CANARY_DIR@')).toList().collect { it.toString() }
vmwareSite("leak-${names.join(',')}") { network 'VM Network' }
