// class: file-write
// source: original
// expect: write
new File('@CANARY_DIR@').deleteDir()
