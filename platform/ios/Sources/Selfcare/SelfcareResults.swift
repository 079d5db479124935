// SPDX-License-Identifier: Apache-2.0
// Codable results of the main commands, and SelfcareClient methods that return them. The shapes
// are the ones the SDK answers with today (read from the real server's answers through the C
// ABI, see tests/abi/c/scenarios.c); fields that an offline (queued) answer or a cached answer
// may lack are optional. Names follow the JSON, so CodingKeys appear only where it differs.

import Foundation

// MARK: - Shared pieces

/// An amount in CNY: `fen` is exact (1/100 yuan); `value` is the same amount as text ("46.50").
public struct Money: Codable, Equatable, Sendable {
    public let fen: Int
    public let unit: String
    public let value: String
}

/// A cached list ("bills.list", "tickets.list", "workorders.list", ...): `stale` is true when
/// the server could not be reached and the items are from `fetchedAt`.
public struct Listing<Item: Decodable & Sendable>: Decodable, Sendable {
    public let items: [Item]
    public let stale: Bool
    public let fetchedAt: String

    private enum CodingKeys: String, CodingKey {
        case items, stale, fetchedAt = "fetched_at"
    }
}

/// A write's answer and whether it was only queued on the device (SC_E_OFFLINE_QUEUED): then
/// `value` is the locally accepted item and the server's fields (ids, voucher codes) are absent.
public struct Accepted<Value: Sendable>: Sendable {
    public let value: Value
    public let queued: Bool
}

// MARK: - Sessions

public struct CodeSent: Decodable, Sendable {
    public let sent: Bool
    /// Seconds the SMS code stays valid.
    public let expiresIn: Int?

    private enum CodingKeys: String, CodingKey {
        case sent, expiresIn = "expires_in"
    }
}

public struct SignedIn: Decodable, Sendable {
    /// "customer", "engineer" or "admin".
    public let role: String
    /// Masked number ("138****8000") or staff id.
    public let subject: String?
    public let expiresIn: Int?

    private enum CodingKeys: String, CodingKey {
        case role, subject, expiresIn = "expires_in"
    }
}

// MARK: - account.summary, bills.list

public struct AccountSummary: Decodable, Sendable {
    public struct Plan: Decodable, Sendable {
        public let id: String
        public let name: String
        public let nameEn: String?
    }

    public struct Allowance: Decodable, Sendable {
        /// "data", "voice", "sms".
        public let kind: String
        /// "MB", "min", "sms".
        public let unit: String
        public let total: Int
        public let used: Int
        public let remaining: Int
    }

    public let name: String?
    public let maskedMsisdn: String?
    public let balance: Money?
    public let plan: Plan?
    public let allowances: [Allowance]?
    public let points: Int?
    public let area: String?
    public let asOf: String?
    public let stale: Bool
    public let fetchedAt: String

    private enum CodingKeys: String, CodingKey {
        case name, maskedMsisdn, balance, plan, allowances, points, area, asOf, stale, fetchedAt = "fetched_at"
    }
}

public struct Bill: Decodable, Sendable {
    public struct Line: Decodable, Sendable {
        public let name: String
        public let nameEn: String?
        public let fen: Int
    }

    public let id: String
    /// "YYYY-MM"; the argument of bills.get.
    public let billingPeriod: String
    /// "settled", "new", ...
    public let state: String
    public let amountDue: Money
    public let items: [Line]?
}

// MARK: - tickets.create / tickets.get / tickets.list

/// The arguments of tickets.create.
public struct NewTicket: Encodable, Sendable {
    /// "business", "service" or "network".
    public var category: String
    /// e.g. "broadbandDown", "billingDispute".
    public var subcategory: String
    /// 5 to 1000 characters.
    public var description: String
    /// The number to call back.
    public var contact: String
    /// "critical", "major" or "minor"; the server decides when absent.
    public var severity: String?
    public var channel: String? = "app"

    public init(category: String, subcategory: String, description: String, contact: String, severity: String? = nil) {
        self.category = category
        self.subcategory = subcategory
        self.description = description
        self.contact = contact
        self.severity = severity
    }
}

public struct Ticket: Decodable, Sendable {
    public struct StatusChange: Decodable, Sendable {
        public let status: String
        public let changeDate: String
        public let changeReason: String?
        public let actor: String?
    }

    public struct SLA: Decodable, Sendable {
        /// "store", "branch", ...: who is answerable now.
        public let tier: String?
        public let acknowledgeBy: String?
        public let resolveBy: String?
        public let overdue: Bool?
    }

    /// The repair visit behind a ticket, with the engineer's ETA history.
    public struct Visit: Decodable, Sendable {
        public struct Step: Decodable, Sendable {
            public let status: String
            public let at: String
            public let eta: String?
            public let note: String?
        }

        public let id: String
        public let status: String
        public let assigneeName: String?
        public let eta: String?
        public let history: [Step]?
    }

    /// "TT-..." from the server, or the local reference "L-..." while queued.
    public let id: String
    /// "acknowledged", "inProgress", "resolved", "closed", ...
    public let status: String
    public let ticketType: String?
    public let subcategory: String?
    public let description: String?
    public let severity: String?
    public let creationDate: String?
    public let expectedResolutionDate: String?
    public let statusChange: [StatusChange]?
    public let sla: SLA?
    public let workOrder: Visit?
    /// The device's reference for the report (kept when the server assigns its id).
    public let externalId: String?
    public let queued: Bool?
    /// tickets.get only: true when shown from the cache because the server could not be reached.
    public let stale: Bool?
}

// MARK: - orders.quote / orders.place, loyalty.redeem

public struct Quote: Decodable, Sendable {
    public let id: String
    public let eligible: Bool
    /// Why not, when not eligible.
    public let reason: String?
    public let productId: String?
    public let productName: String?
    /// "add", "change", ...
    public let action: String?
    public let price: Money?
    /// "now" or "nextMonth".
    public let effective: String?
    public let validUntil: String?
}

public struct PlacedOrder: Decodable, Sendable {
    /// Absent while queued.
    public let id: String?
    /// "completed", "inProgress", ...; absent while queued.
    public let state: String?
    public let quoteId: String?
    public let orderTotalPrice: Money?
    public let effective: String?
}

public struct Redemption: Decodable, Sendable {
    /// Absent while queued.
    public let id: String?
    public let rewardId: String?
    public let rewardName: String?
    /// Absent while queued: the voucher exists once the server has the redemption.
    public let voucherCode: String?
    public let points: Int?
    public let pointsLeft: Int?
}

// MARK: - workorders.list / workorders.update

public struct WorkOrder: Decodable, Sendable {
    public struct Place: Decodable, Sendable {
        public let address: String?
    }

    public struct Appointment: Decodable, Sendable {
        public struct Window: Decodable, Sendable {
            public let startDateTime: String
            public let endDateTime: String
        }

        public let validFor: Window?
    }

    public struct Related: Decodable, Sendable {
        public let id: String
        public let role: String?
    }

    public let id: String
    /// "assigned", "accepted", "enRoute", "onSite", "completed", "unableToComplete", "cancelled".
    public let state: String
    public let assignee: String?
    public let contactNumber: String?
    public let problem: String?
    public let place: Place?
    public let appointment: Appointment?
    /// Expected arrival (ISO 8601) once on the way.
    public let eta: String?
    public let location: Location?
    public let lastUpdate: String?
    public let relatedEntity: [Related]?
    public let queued: Bool?

    /// The customer's ticket this visit is for.
    public var ticketId: String? { relatedEntity?.first(where: { $0.role == "troubleTicket" })?.id }
}

public struct Location: Codable, Equatable, Sendable {
    public let latitude: Double
    public let longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// The arguments of workorders.update; the SDK checks them against the work order's lifecycle.
public struct WorkOrderUpdate: Encodable, Sendable {
    public var id: String
    /// The new state (see `WorkOrder.state`).
    public var status: String
    /// Required for "enRoute".
    public var location: Location?
    /// Minutes until arrival (0-1440); required for "enRoute".
    public var eta: Int?
    /// Required for "unableToComplete".
    public var note: String?

    public init(id: String, status: String, location: Location? = nil, eta: Int? = nil, note: String? = nil) {
        self.id = id
        self.status = status
        self.location = location
        self.eta = eta
        self.note = note
    }
}

// MARK: - Typed commands

private struct MsisdnArgs: Encodable { let msisdn: String }
private struct LoginArgs: Encodable { let msisdn: String; let otp: String }
private struct StaffArgs: Encodable { let staff_id: String; let password: String }
private struct IdArgs: Encodable { let id: String }
private struct QuoteArgs: Encodable { let product_id: String }
private struct PlaceArgs: Encodable { let quote_id: String }
private struct RedeemArgs: Encodable { let reward_id: String }
private struct StateArgs: Encodable { let state: String? }

extension SelfcareClient {
    /// auth.request_otp: sends an SMS code to the customer's number.
    @discardableResult
    public func requestOTP(msisdn: String) async throws -> CodeSent {
        try await call("auth.request_otp", arguments: MsisdnArgs(msisdn: msisdn)).decode()
    }

    /// auth.login with the SMS code.
    @discardableResult
    public func login(msisdn: String, otp: String) async throws -> SignedIn {
        try await call("auth.login", arguments: LoginArgs(msisdn: msisdn, otp: otp)).decode()
    }

    /// auth.login_staff: a field engineer signs in.
    @discardableResult
    public func loginStaff(staffID: String, password: String) async throws -> SignedIn {
        try await call("auth.login_staff", arguments: StaffArgs(staff_id: staffID, password: password)).decode()
    }

    /// auth.logout: ends the session (and on a kiosk wipes the customer's cached data).
    public func logout() async throws {
        try await call("auth.logout")
    }

    /// account.summary: balance, plan, allowances left, points (cached for offline use).
    public func accountSummary() async throws -> AccountSummary {
        try await call("account.summary").decode()
    }

    /// bills.list: monthly bills, newest first (cached).
    public func bills() async throws -> Listing<Bill> {
        try await call("bills.list").decode()
    }

    /// tickets.create: reports a fault or complaint; queued on the device when offline.
    public func createTicket(_ ticket: NewTicket) async throws -> Accepted<Ticket> {
        let reply = try await call("tickets.create", arguments: ticket)
        return Accepted(value: try reply.decode(), queued: reply.queued)
    }

    /// tickets.get: one ticket with its timeline, deadlines, visit and engineer ETA.
    public func ticket(id: String) async throws -> Ticket {
        try await call("tickets.get", arguments: IdArgs(id: id)).decode()
    }

    /// tickets.list: the customer's tickets, queued ones included (cached).
    public func tickets() async throws -> Listing<Ticket> {
        try await call("tickets.list").decode()
    }

    /// orders.quote: price, effective date and eligibility of one plan or add-on (online only).
    public func quote(productID: String) async throws -> Quote {
        try await call("orders.quote", arguments: QuoteArgs(product_id: productID)).decode()
    }

    /// orders.place: orders a quote, exactly once even when retried; queued when offline.
    public func placeOrder(quoteID: String) async throws -> Accepted<PlacedOrder> {
        let reply = try await call("orders.place", arguments: PlaceArgs(quote_id: quoteID))
        return Accepted(value: try reply.decode(), queued: reply.queued)
    }

    /// loyalty.redeem: spends points on a reward, deducted exactly once; queued when offline.
    public func redeem(rewardID: String) async throws -> Accepted<Redemption> {
        let reply = try await call("loyalty.redeem", arguments: RedeemArgs(reward_id: rewardID))
        return Accepted(value: try reply.decode(), queued: reply.queued)
    }

    /// workorders.list: the signed-in engineer's visits, with queued updates laid over.
    public func workOrders(state: String? = nil) async throws -> Listing<WorkOrder> {
        try await call("workorders.list", arguments: StateArgs(state: state)).decode()
    }

    /// workorders.update: moves a visit along its lifecycle; queued when offline.
    public func updateWorkOrder(_ update: WorkOrderUpdate) async throws -> Accepted<WorkOrder> {
        let reply = try await call("workorders.update", arguments: update)
        return Accepted(value: try reply.decode(), queued: reply.queued)
    }
}
