import groovy.xml.XmlSlurper

// The BOM does not inherit our parent, so it repeats two of its versions: they must agree.
def bom = new XmlSlurper().parse(new File(bomFile))
[['kafka.version', parentKafkaVersion], ['junit.version', parentJunitVersion]].each { name, expected ->
    def actual = bom.properties."${name}".text()
    if (actual != expected) {
        throw new IllegalStateException("realtime-agents-bom has ${name} ${actual}, the parent POM ${expected}")
    }
}

// Writes the README's marked code blocks into this project: the fenced block after a line
// <!-- readme-test: main|test <path> --> goes to <path>. Fails when the README has no main or no test block.
def readme = new File(readmeFile)
def text = readme.getText('UTF-8')
def blocks = text =~ /(?m)^<!-- readme-test: (main|test) (\S+) -->\s*\n```[A-Za-z]*\n([\s\S]*?)\n```/
def kinds = [] as Set
blocks.each { whole, kind, path, code ->
    def target = new File(basedir, path)
    target.parentFile.mkdirs()
    target.setText(code + '\n', 'UTF-8')
    kinds << kind
    println "readme-test: ${kind} block -> ${path}"
}
if (!kinds.containsAll(['main', 'test'])) {
    throw new IllegalStateException("${readme} has no <!-- readme-test: main ... --> or no <!-- readme-test: test ... --> marker before a code block")
}
return true
