// class: include
// source: original, from an included file
// expect: write
include '_helpers.groovy'
// ---- _helpers.groovy
class Early {
    static final String X = new File('@CANARY_WRITE@').with { it.text = 'pwned'; 'x' }
}
Early.X
