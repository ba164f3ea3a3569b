// class: file-write
// source: original
// expect: write
java.nio.file.Files.writeString(java.nio.file.Path.of('@CANARY_WRITE@'), 'pwned')
