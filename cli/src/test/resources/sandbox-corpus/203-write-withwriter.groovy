// class: file-write
// source: original
// expect: write
new File('@CANARY_WRITE@').withWriter { it << 'pwned' }
