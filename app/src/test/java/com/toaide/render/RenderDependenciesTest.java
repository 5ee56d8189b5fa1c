package com.toaide.render;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The renderer is pure: the kernel, jte, Jackson and the JDK, nothing else (package-info). */
class RenderDependenciesTest {

    @Test
    void the_renderer_imports_only_the_kernel_jte_jackson_and_the_jdk() {
        JavaClasses render = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.toaide.render");
        classes().that().resideInAPackage("com.toaide.render..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("com.toaide.render..", "com.toaide.kernel..", "gg.jte..", "tools.jackson..", "java..")
                .check(render);
    }
}
