// class: constructor
// source: Jenkins SECURITY-1754 / CVE-2020-2134 (crafted constructor bodies)
// expect: write
class Out extends FileOutputStream {
    Out() { super('@CANARY_WRITE@') }
}
new Out().withStream { it.write(120) }
