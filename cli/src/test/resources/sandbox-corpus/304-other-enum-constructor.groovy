// class: other
// source: original
// expect: write
enum Mode {
    ON
    Mode() { new File('@CANARY_WRITE@').text = 'pwned' }
}
Mode.ON
