// class: file-write
// source: examples/broken/sandbox/ast-test.groovy payload, at run time
// expect: write
new File('@CANARY_WRITE@').text = 'pwned'
