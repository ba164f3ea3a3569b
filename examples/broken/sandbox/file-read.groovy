// Reads a file of the machine that evaluates the definition.
def secrets = new File('/etc/passwd').text
