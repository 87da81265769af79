package io.peerdesk.domain.peering;

import io.peerdesk.domain.cloud.CloudFailure;
import io.peerdesk.domain.cloud.CloudNetwork;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real EC2 adapter with one fault a test can inject: the next call of a named operation fails
 * with a given {@link CloudFailure} (a throttled call, an outage), as a cloud does now and then.
 */
final class FlakyCloud {

    private static final Map<String, CloudFailure> NEXT_FAILURES = new ConcurrentHashMap<>();

    private FlakyCloud() {
    }

    /** The next call of {@code operation} (a {@link CloudNetwork} method name) fails with {@code failure}. */
    static void failNext(String operation, CloudFailure failure) {
        NEXT_FAILURES.put(operation, failure);
    }

    static void reset() {
        NEXT_FAILURES.clear();
    }

    static CloudFailure throttled(String operation) {
        return new CloudFailure("RequestLimitExceeded", "The cloud could not answer " + operation
                + " right now (RequestLimitExceeded: Request limit exceeded.); it is tried again later.", true);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        @Primary
        CloudNetwork flakyCloud(@Qualifier("ec2CloudNetwork") CloudNetwork real) {
            return (CloudNetwork) Proxy.newProxyInstance(CloudNetwork.class.getClassLoader(),
                    new Class<?>[] {CloudNetwork.class}, (proxy, method, args) -> {
                        CloudFailure failure = NEXT_FAILURES.remove(method.getName());
                        if (failure != null) {
                            throw failure;
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
