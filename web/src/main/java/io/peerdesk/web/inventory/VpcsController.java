package io.peerdesk.web.inventory;

import io.peerdesk.domain.inventory.CloudAccount;
import io.peerdesk.domain.inventory.CloudAccounts;
import io.peerdesk.domain.inventory.Inventory;
import io.peerdesk.domain.inventory.VpcId;
import io.peerdesk.domain.inventory.VpcPage;
import io.peerdesk.domain.inventory.VpcQuery;
import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.List;

/**
 * The tenant's VPCs: the list with search, filters and paging (an HTMX request gets just the
 * results, so typing updates the table in place), and one VPC with everything inside it.
 */
@Controller
class VpcsController {

    private final Inventory inventory;
    private final CloudAccounts accounts;

    VpcsController(Inventory inventory, CloudAccounts accounts) {
        this.inventory = inventory;
        this.accounts = accounts;
    }

    @GetMapping("/vpcs")
    String list(Actor actor, @ModelAttribute("filter") VpcFilter filter, BindingResult binding, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Vary", "HX-Request");
        if (binding.hasFieldErrors("page")) {
            filter.setPage(1);
        }
        VpcPage page;
        try {
            page = inventory.vpcs(actor, filter.toQuery());
        } catch (InvalidInput refused) {
            model.addAttribute("filterError", String.join("; ", refused.fieldErrors().values()));
            page = new VpcPage(List.of(), 1, VpcQuery.DEFAULT_SIZE, 0);
        }
        model.addAttribute("page", page);
        if (isFragmentRequest(request)) {
            return "inventory/vpcs :: results";
        }
        List<CloudAccount> all = accounts.list(actor);
        model.addAttribute("accounts", all);
        model.addAttribute("notices", all.stream().filter(a -> a.sync().failed() || !a.sync().hasInventory()).toList());
        model.addAttribute("regions", inventory.regions(actor));
        return "inventory/vpcs";
    }

    @GetMapping("/vpcs/{id}")
    String vpc(Actor actor, @PathVariable String id, Model model) {
        model.addAttribute("vpc", inventory.vpc(actor, VpcId.parse(id)));
        return "inventory/vpc";
    }

    /** An HTMX swap wants the fragment; htmx restoring history without its cache wants the whole page. */
    private static boolean isFragmentRequest(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }
}
