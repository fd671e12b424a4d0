package io.fidelis.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ModuleDirectionTest {

    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.fidelis");

    @Test
    void coreDependsOnNoOuterModule() {
        noClasses()
                .that()
                .resideInAPackage("io.fidelis.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.fidelis.store..", "io.fidelis.generator..", "io.fidelis.cli..")
                .check(ALL);
    }

    @Test
    void storeAndGeneratorDoNotKnowTheCommandLine() {
        noClasses()
                .that()
                .resideInAnyPackage("io.fidelis.store..", "io.fidelis.generator..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.fidelis.cli..", "picocli..")
                .check(ALL);
    }

    @Test
    void storeAndGeneratorAreIndependent() {
        noClasses()
                .that()
                .resideInAPackage("io.fidelis.store..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.fidelis.generator..")
                .check(ALL);
        noClasses()
                .that()
                .resideInAPackage("io.fidelis.generator..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.fidelis.store..")
                .check(ALL);
    }
}
