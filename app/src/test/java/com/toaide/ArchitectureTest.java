package com.toaide;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of style.md, enforced. */
@AnalyzeClasses(packages = "com.toaide", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String[] FEATURES = {
        "com.toaide.auth..", "com.toaide.aides..", "com.toaide.ai..", "com.toaide.publish..",
        "com.toaide.billing..", "com.toaide.ops.."
    };

    @ArchTest
    static final ArchRule the_kernel_imports_only_the_jdk_and_the_json_tree = classes()
            .that().resideInAPackage("com.toaide.kernel..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "tools.jackson..", "com.toaide.kernel..");

    @ArchTest
    static final ArchRule the_renderer_imports_only_the_kernel_and_jte = classes()
            .that().resideInAPackage("com.toaide.render..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "tools.jackson..", "gg.jte..", "com.toaide.kernel..", "com.toaide.render..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule the_platform_knows_no_feature = noClasses()
            .that().resideInAPackage("com.toaide.platform..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES);

    @ArchTest
    static final ArchRule routes_are_wired_only_by_the_app = classes()
            .that().haveSimpleNameEndingWith("Routes")
            .should().onlyBeAccessed().byClassesThat().haveNameMatching("com\\.toaide\\.(App|Wiring)(\\$.*)?|.*Routes(\\$.*)?");

    @ArchTest
    static final ArchRule daos_stay_inside_their_feature = classes()
            .that().haveSimpleNameEndingWith("Dao")
            .should().notBePublic();

    @ArchTest
    static final ArchRule sql_lives_only_in_the_platform_and_in_daos = noClasses()
            .that().resideOutsideOfPackage("com.toaide.platform.db..")
            .and().haveSimpleNameNotEndingWith("Dao")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "com.zaxxer..");

    @ArchTest
    static final ArchRule no_class_is_named_like_a_junk_drawer = noClasses()
            .should().haveSimpleNameEndingWith("Impl")
            .orShould().haveSimpleNameEndingWith("Util")
            .orShould().haveSimpleNameEndingWith("Utils")
            .orShould().haveSimpleNameEndingWith("Helper")
            .orShould().haveSimpleNameEndingWith("Manager");
}
