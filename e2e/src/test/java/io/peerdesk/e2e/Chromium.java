package io.peerdesk.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * JUnit extension: one Playwright driver and one headless Chromium per test class (starting them
 * costs about a second), a fresh browser context per test (no cookies or storage carried over),
 * handed to the test as a {@link Page} parameter. When a test fails, a full-page screenshot and the
 * page's HTML go to {@code e2e.artifacts} (target/e2e-artifacts) as {@code Class.method.png/.html}.
 */
final class Chromium implements BeforeAllCallback, BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback,
        ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Chromium.class);
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-quic");

    /** The driver and the browser of one test class, closed by JUnit when the class is done. */
    private record Session(Playwright playwright, Browser browser) implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            browser.close();
            playwright.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).getOrComputeIfAbsent(Session.class, key -> launch(), Session.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Session session = context.getStore(NAMESPACE).get(Session.class, Session.class);
        BrowserContext browserContext = session.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900).setLocale("en-GB"));
        browserContext.setDefaultTimeout(15_000);
        context.getStore(NAMESPACE).put(BrowserContext.class, browserContext);
        context.getStore(NAMESPACE).put(Page.class, browserContext.newPage());
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        Page page = context.getStore(NAMESPACE).get(Page.class, Page.class);
        if (page == null || page.isClosed()) {
            return;
        }
        Path directory = Paths.get(System.getProperty("e2e.artifacts", "target/e2e-artifacts"));
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        try {
            Files.createDirectories(directory);
            page.screenshot(new Page.ScreenshotOptions().setPath(directory.resolve(name + ".png")).setFullPage(true));
            Files.writeString(directory.resolve(name + ".html"), page.content());
        } catch (IOException | RuntimeException e) {
            // the test's own failure is what matters; a missing artifact must not hide it
            System.err.println("e2e: could not save the failure artifacts of " + name + ": " + e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        BrowserContext browserContext = context.getStore(NAMESPACE).remove(BrowserContext.class, BrowserContext.class);
        if (browserContext != null) {
            browserContext.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Page.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(Page.class, Page.class);
    }

    private static Session launch() {
        // the browser is Debian's chromium (bin/test installs it): never download one
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(System.getProperty("e2e.chromium", "/usr/bin/chromium")))
                    .setHeadless(true)
                    .setArgs(ARGS));
            return new Session(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

}
