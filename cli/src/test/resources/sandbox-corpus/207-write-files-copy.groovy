// class: file-write
// source: original
// expect: write
java.nio.file.Files.copy(java.nio.file.Path.of('@CANARY_READ@'), java.nio.file.Path.of('@CANARY_WRITE@'))
