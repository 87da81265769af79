package io.peerdesk.web.inventory;

import io.peerdesk.domain.inventory.CloudAccountId;
import io.peerdesk.domain.inventory.VpcQuery;
import io.peerdesk.domain.support.InvalidInput;
import io.peerdesk.domain.support.NotFound;
import org.springframework.web.util.UriComponentsBuilder;

/** The VPC list's query string: search box, filters and page, as the browser sends and the pager links them. */
public class VpcFilter {

    private String search;
    private String account;
    private String region;
    private String state;
    private Integer page;

    VpcQuery toQuery() {
        return new VpcQuery(search, accountFilter(account), region, state, page == null ? 1 : page, VpcQuery.DEFAULT_SIZE);
    }

    /** This filter's URL for another page. */
    public String url(int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/vpcs");
        add(url, "search", search);
        add(url, "account", account);
        add(url, "region", region);
        add(url, "state", state);
        if (page > 1) {
            url.queryParam("page", page);
        }
        return url.encode().build().toUriString();
    }

    /** The account filter of a query string: none when blank, a field error when it is no account id at all. */
    static CloudAccountId accountFilter(String account) {
        if (account == null || account.isBlank()) {
            return null;
        }
        try {
            return CloudAccountId.parse(account.strip());
        } catch (NotFound e) {
            throw new InvalidInput("account", "there is no such account");
        }
    }

    private static void add(UriComponentsBuilder url, String name, String value) {
        if (value != null && !value.isBlank()) {
            url.queryParam(name, value);
        }
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }
}
