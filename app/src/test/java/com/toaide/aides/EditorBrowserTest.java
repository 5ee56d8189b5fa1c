package com.toaide.aides;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.Browser;
import com.toaide.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The editor in headless Chromium: direct editing that needs no AI, seen in a second tab too. */
class EditorBrowserTest {
    @AutoClose static TestApp app;
    @AutoClose static Browser browser;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        browser = Browser.start(1280, 900);
    }

    @Test
    void a_person_signs_in_through_the_outbox_builds_a_page_by_hand_and_a_second_tab_follows() {
        var driver = browser.driver;
        String email = "reader-" + System.nanoTime() + "@example.com";

        // Sign in as a person does: the form, the email (the dev outbox), the link.
        driver.get(app.base + "/login");
        driver.findElement(By.id("email")).sendKeys(email, Keys.ENTER);
        browser.waiting().until(ExpectedConditions.urlContains("/login/sent"));
        driver.get(app.base + "/dev/outbox");
        var link = driver.findElements(By.cssSelector(".outbox li")).stream()
                .filter(item -> item.getText().contains(email)).findFirst().orElseThrow()
                .findElement(By.cssSelector("a.outbox-link"));
        link.click();
        // The verify page submits itself; the session cookie lands and the dashboard opens.
        browser.waiting().until(ExpectedConditions.urlToBe(app.base + "/aides"));
        browser.screenshot("dashboard-after-sign-in");

        driver.get(app.base + "/aides");
        driver.findElement(By.xpath("//button[normalize-space()='New page']")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-empty]")));
        assertThat(driver.findElement(By.cssSelector("[data-empty]")).getText()).contains("What are you running?");
        browser.screenshot("editor-new-aide");

        // Start by hand: the title opens for editing at once.
        driver.findElement(By.cssSelector("[data-action=start]")).click();
        WebElement title = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#live-page .inline-input")));
        title.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Thursday Poker", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#live-page h1"), "Thursday Poker"));

        // A table, then edit its first cell inline.
        addBlock("Table");
        WebElement tableTitle = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#live-page .inline-input")));
        tableTitle.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Players", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#live-page"), "First row"));
        click("First row");
        WebElement input = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#live-page .inline-input")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Dave", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#live-page table"), "Dave"));

        // Two more rows, then move the last one up with the keyboard.
        addRowNamed("Linda");
        addRowNamed("Steve");
        assertThat(rowNames()).containsExactly("Dave", "Linda", "Steve");
        browser.waiting().ignoring(StaleElementReferenceException.class).until(d -> {
            cell("Steve").sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_UP));
            return true;
        });
        browser.waiting().ignoring(StaleElementReferenceException.class).until(d -> rowNames().equals(List.of("Dave", "Steve", "Linda")));

        // A checklist item toggled with one click, kept after a reload.
        addBlock("Checklist");
        WebElement listTitle = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#live-page .inline-input")));
        listTitle.sendKeys(Keys.ESCAPE);
        // A stale element was never clicked, so retrying cannot toggle twice.
        browser.waiting().ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(By.cssSelector("#live-page input[type=checkbox]:not([disabled])")).click();
            return true;
        });
        browser.waiting().ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("#live-page .cl li")).getAttribute("class").contains("done"));
        driver.navigate().refresh();
        // The live channel's first frame replaces the server-rendered page: look again if it did.
        browser.waiting().ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("#live-page input[type=checkbox]")).isSelected());
        browser.screenshot("editor-built-by-hand");

        // A second tab sees the first tab's edit.
        String editor = driver.getWindowHandle();
        String url = driver.getCurrentUrl();
        driver.switchTo().newWindow(WindowType.TAB).get(url);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#live-page"), "Linda"));
        String second = driver.getWindowHandle();
        driver.switchTo().window(editor);
        click("Linda");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#live-page .inline-input")))
                .sendKeys(Keys.chord(Keys.CONTROL, "a"), "Linda K.", Keys.ENTER);
        driver.switchTo().window(second);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#live-page table"), "Linda K."));
        browser.screenshot("editor-second-tab");

        // Undo takes the rename back, in both tabs.
        driver.findElement(By.cssSelector("[data-action=undo]")).click();
        browser.waiting().ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElement(By.cssSelector("#live-page table")).getText().contains("Linda K."));
        driver.switchTo().window(editor);
        browser.waiting().ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElement(By.cssSelector("#live-page table")).getText().contains("Linda K."));
        driver.switchTo().window(second).close();
        driver.switchTo().window(editor);
    }

    @Test
    void the_editor_works_on_a_phone_sized_screen() {
        var user = app.newUser();
        var aide = LiveChannelTest.aideWithTable(app, user);
        try (var phone = Browser.phone(390, 844)) {
            phone.driver.get(app.base + "/health");
            String[] cookie = user.cookie().split("=", 2);
            phone.driver.manage().addCookie(new Cookie(cookie[0], cookie[1]));
            phone.driver.get(app.base + "/aides/" + aide);
            phone.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#live-page"), "Poker Night"));
            assertThat((Long) phone.driver.executeScript("return window.innerWidth;")).isEqualTo(390L);
            long overflow = (Long) phone.driver.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).isLessThanOrEqualTo(0);
            phone.screenshot("editor-phone");
        }
    }

    // Patches replace elements while we look: a stale one just means "look again".
    private WebElement cell(String text) {
        return browser.waiting().ignoring(StaleElementReferenceException.class).until(d -> d.findElements(By.cssSelector("#live-page [data-field]")).stream()
                .filter(e -> e.getText().replace("Remove", "").trim().equals(text)).findFirst().orElse(null));
    }

    private void click(String text) {
        browser.waiting().ignoring(StaleElementReferenceException.class).until(d -> {
            cell(text).click();
            return true;
        });
    }

    /** The page's own menu: a new block of this kind at the end. */
    private void addBlock(String kind) {
        for (By by : List.of(By.cssSelector("#live-page article > .block-tools .handle"),
                By.xpath("//div[@role='menu']/button[starts-with(normalize-space(), 'Add a block at the end')]"),
                By.xpath("//div[@role='menu']/button[normalize-space()='" + kind + "']"))) {
            browser.waiting().ignoring(StaleElementReferenceException.class).until(d -> {
                d.findElement(by).click();
                return true;
            });
        }
    }

    private void addRowNamed(String name) {
        browser.waiting().ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(By.cssSelector("#live-page .add-row")).click();
            return true;
        });
        WebElement input = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#live-page .inline-input")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), name, Keys.ENTER);
        browser.waiting().until(d -> rowNames().contains(name));
    }

    private List<String> rowNames() {
        return browser.waiting().ignoring(StaleElementReferenceException.class).until(d -> d.findElements(By.cssSelector("#live-page table tbody tr th")).stream()
                .map(e -> e.getText().replace("Remove", "").trim()).toList());
    }
}
