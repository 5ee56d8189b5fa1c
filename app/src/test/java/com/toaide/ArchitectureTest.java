package com.toaide;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of docs/architecture.md, enforced. */
@AnalyzeClasses(packages = "com.toaide", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String[] FEATURES = {
        "com.toaide.auth..", "com.toaide.aides..", "com.toaide.ai..", "com.toaide.publish..",
        "com.toaide.billing..", "com.toaide.ops.."
    };

    /** architecture.md: the kernel imports the JDK and Jackson's JSON tree, nothing else. */
    @ArchTest
    static final ArchRule the_kernel_imports_only_the_jdk_and_the_json_tree = classes()
            .that().resideInAPackage("com.toaide.kernel..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "tools.jackson.core..", "tools.jackson.databind..", "com.toaide.kernel..");

    @ArchTest
    static final ArchRule packages_form_no_cycles = slices().matching("com.toaide.(**)").should().beFreeOfCycles();

    /** The root (Main, App, Wiring, Config) builds everything; nothing below it reaches back up. */
    @ArchTest
    static final ArchRule nothing_imports_the_root_package = noClasses()
            .that().resideOutsideOfPackage("com.toaide")
            .should().dependOnClassesThat().resideInAPackage("com.toaide");

    /** Services speak the domain (platform.failure), not HTTP. */
    @ArchTest
    static final ArchRule services_import_neither_javalin_nor_the_web_platform = noClasses()
            .that().haveSimpleNameEndingWith("Service")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "com.toaide.platform.web..");

    /** Inline SQL through a Jdbi handle (not only JDBC) belongs in a DAO or in platform/db. */
    @ArchTest
    static final ArchRule no_inline_sql_outside_daos = noClasses()
            .that().resideOutsideOfPackage("com.toaide.platform.db..")
            .and().haveSimpleNameNotEndingWith("Dao")
            .should().callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                    JavaClass.Predicates.assignableTo(org.jdbi.v3.core.Handle.class)))
                    .and(JavaCall.Predicates.target(HasName.Predicates.nameMatching(
                            "createQuery|createUpdate|createBatch|prepareBatch|createScript|createCall|execute|select|inTransaction|useTransaction"))))
            .as("no inline SQL outside DAOs: no class but a *Dao or platform/db runs SQL on a Jdbi handle");

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

    /** DirectEdits is the edit route served in front of Javalin, wired by the app like the route table. */
    @ArchTest
    static final ArchRule routes_are_wired_only_by_the_app = classes()
            .that().haveSimpleNameEndingWith("Routes")
            .should().onlyBeAccessed().byClassesThat().haveNameMatching("com\\.toaide\\.(App|Wiring|DirectEdits)(\\$.*)?|.*Routes(\\$.*)?");

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
