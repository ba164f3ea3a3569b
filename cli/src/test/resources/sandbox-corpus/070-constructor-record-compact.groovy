// class: constructor
// source: original
// expect: write
record Pair(String a, String b) {
    Pair {
        new File('@CANARY_WRITE@').text = a + b
    }
}
new Pair('pw', 'ned')
