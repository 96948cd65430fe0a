plugins {
    kotlin("jvm") version "2.1.0"
    application
    id("com.github.node-gradle.node") version "7.1.0"
}

group = "com.acme"

// Version from the nearest git tag, e.g. v1.4.0-3-gabc1234 -> 1.4.0-3-gabc1234
val gitDescribe: String = providers.exec {
    commandLine("git", "describe", "--tags", "--always", "--dirty")
    isIgnoreExitValue = true
}.standardOutput.asText.getOrElse("0.0.0-dev").trim().removePrefix("v")

version = gitDescribe.ifEmpty { "0.0.0-dev" }

repositories { mavenCentral() }

dependencies {
    implementation("io.ktor:ktor-server-netty:3.0.3")
    implementation("io.ktor:ktor-server-content-negotiation:3.0.3")
    testImplementation(kotlin("test"))
}

application { mainClass.set("com.acme.notes.MainKt") }

node {
    version.set("20.18.1")
    download.set(true)
    nodeProjectDir.set(file("web"))
}

tasks.named<ProcessResources>("processResources") {
    dependsOn("npm_run_build")
    from("web/dist") { into("static") }
}

tasks.test { useJUnitPlatform() }
