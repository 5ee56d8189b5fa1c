package com.toaide.images;

import com.toaide.testing.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.Browser;
import com.toaide.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

/**
 * A photo uploaded from the editor appears on the page, and once published it shows on the
 * public page at desktop and phone width (screenshots in target/screenshots).
 */
class PhotoBrowserTest {
    @AutoClose static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @Test
    void a_photo_from_the_editor_shows_on_the_page_and_on_the_published_page() throws Exception {
        var user = app.newUser();
        UUID aide = ImageApiTest.newAideOn(app, user);
        assertThat(app.postJson("/aides/" + aide + "/events",
                "{\"events\":[{\"t\":\"entity.create\",\"id\":\"page\",\"display\":\"page\",\"p\":{\"title\":\"Kitchen renovation\"}}]}",
                user).statusCode()).isEqualTo(200);
        Path photo = TestFiles.file("kitchen", ".jpg");
        Files.write(photo, TestImages.jpegWithExif(1600, 1200, 1));

        try (var browser = Browser.start(1280, 800)) {
            var d = browser.driver;
            d.get(app.base + "/health");
            String[] cookie = user.cookie().split("=", 2);
            d.manage().addCookie(new Cookie(cookie[0], cookie[1]));
            d.get(app.base + "/aides/" + aide);
            var wait = new WebDriverWait(d, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class);
            wait.until(x -> ((JavascriptExecutor) x).executeScript("return !!(window.Aide && window.Aide.addPhoto)"));
            // What "Add block → Photo from this device" does, with the file chosen by the test.
            ((JavascriptExecutor) d).executeScript("window.Aide.addPhoto('pick', 'page', null)");
            d.findElement(By.cssSelector("input[data-photo-input]")).sendKeys(photo.toString());
            wait.until(x -> ((JavascriptExecutor) x).executeScript(
                    "const i = document.querySelector('#live-page .img img'); return !!(i && i.complete && i.naturalWidth > 0)"));
            String src = d.findElement(By.cssSelector("#live-page .img img")).getAttribute("src");
            assertThat(src).contains("/aides/" + aide + "/images/");
            var alt = d.findElement(By.cssSelector("#live-page .alt-text input"));
            alt.sendKeys("The kitchen before the work\n");
            wait.until(x -> app.getJson("/aides/" + aide + "/snapshot", user).body().contains("The kitchen before the work"));
            browser.screenshot("photo-editor-1280");
        }

        var published = app.postJson("/aides/" + aide + "/publish", "", user);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        String url = JsonMapper.builder().build().readTree(published.body()).get("url").asString();
        for (boolean phone : new boolean[] {false, true}) {
            try (var browser = phone ? Browser.phone(390, 844) : Browser.start(1280, 800)) {
                browser.driver.get(url);
                new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(x -> ((JavascriptExecutor) x).executeScript(
                        "const i = document.querySelector('main img'); return !!(i && i.complete && i.naturalWidth > 0)"));
                var img = browser.driver.findElement(By.cssSelector("main img"));
                assertThat(img.getAttribute("alt")).isEqualTo("The kitchen before the work");
                assertThat(img.getAttribute("currentSrc")).contains("/s/").contains("/img/");
                long shown = (Long) ((JavascriptExecutor) browser.driver).executeScript(
                        "return Math.round(document.querySelector('main img').getBoundingClientRect().width)");
                assertThat(shown).isLessThanOrEqualTo(phone ? 390 : 760);
                browser.screenshot(phone ? "photo-published-390" : "photo-published-1280");
            }
        }
    }
}
