package io.peerdesk.web.tenancy;

import io.peerdesk.domain.support.Actor;
import io.peerdesk.domain.support.Role;
import io.peerdesk.domain.tenancy.Member;
import io.peerdesk.domain.tenancy.NewMember;
import io.peerdesk.domain.tenancy.Tenancy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The tenant's members for tenant-admin API clients: list, read one, add. */
@RestController
@RequestMapping("/api/v1/members")
class MembersApi {

    private final Tenancy tenancy;

    MembersApi(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    record MemberView(UUID id, String username, String displayName, String email, List<Role> roles, boolean enabled) {

        static MemberView of(Member member) {
            return new MemberView(member.id(), member.username(), member.displayName(), member.email(),
                    member.roles().stream().sorted().toList(), member.enabled());
        }
    }

    /** A member to add; the domain checks every field and reports each problem under {@code errors}. */
    record NewMemberRequest(String username, String displayName, String email, String password, Set<Role> roles) {

        NewMember toNewMember() {
            return new NewMember(username, displayName, email, password, roles == null ? EnumSet.noneOf(Role.class) : roles);
        }
    }

    @GetMapping
    List<MemberView> list(Actor actor) {
        return tenancy.members(actor).stream().map(MemberView::of).toList();
    }

    @GetMapping("/{id}")
    MemberView one(Actor actor, @PathVariable UUID id) {
        return MemberView.of(tenancy.member(actor, id));
    }

    @PostMapping
    ResponseEntity<MemberView> add(Actor actor, @RequestBody NewMemberRequest request) {
        Member added = tenancy.addMember(actor, request.toNewMember());
        return ResponseEntity.created(URI.create("/api/v1/members/" + added.id())).body(MemberView.of(added));
    }
}
